"""What the user gives lepcheck besides the website, read and validated on the way in.

- registry: the LEP directory (bundled plus --registry FILE) and the targets it resolves;
- waivers: approved, dated exceptions (--waivers FILE);
- attestations: the accountable body's answers to the manual requirements, and the template
  `lepcheck attest init` writes;
- located_yaml: the reading shared by the officer's files, so errors name file, line and field.

Every problem is one line naming the file (and line and field) and what to fix, raised before
any crawl starts, so a typo costs seconds, not a crawl.
"""
