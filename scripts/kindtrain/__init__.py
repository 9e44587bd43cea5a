"""Training the document-kind model (scripts/train_kind_model.py): the development part of the
corpus as training examples, a pure-Python optimiser, calibration on cross-validated
predictions. Nothing here runs when lepcheck classifies; it writes lepcheck/data/kind_model.json.
"""
