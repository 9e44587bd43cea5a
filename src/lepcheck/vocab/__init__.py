"""The shared vocabulary: word lists and patterns the readers, checks and rules use, by family.

Heuristics are data here, not regexes scattered through the stages. Each module is one family
and each constant has a one-line comment saying why it exists and where its words come from;
tests/vocab/<family>.yaml gives every constant phrases it must match and phrases it must not,
taken from the labelled corpus (development part) and the fixture sites.

Families:
- `kinds`: the names each document kind goes by, its body evidence, and the cues by which the
  readers pick board pages, registers and project pages;
- `registers`: the eight Ney 6.1 register categories (the names are models.REGISTER_CATEGORIES;
  the reader's and the classifier's patterns are keyed by them), household, signature, dates;
- `meetings`: agenda, papers and minutes labels, bodies, minutes' status, attendance, standing
  items, words that minute a decision;
- `declarations`: the declarations item of minutes, each declaration (who, which item, what
  interest), the action taken, "none" written any way;
- `projects`: the headers and labels of funded-project lists, sums of money, total rows;
- `people`: titles, honours, short forms, the shapes of names, gender words;
- `roles`: board roles, members and non-members, the fields of a member's entry;
- `sectors`: sector labels and organisations' names by sector;
- `dates`: month and weekday names, the cues that say what a date dates;
- `periods`: the period a document covers and the approval it records ("for the year ended",
  "2019/20", "approved by the Board on"), as accounts, plans and frameworks write them, and the
  period a published data file's name states ("Q1 2024/25", "Jan-Mar 2025");
- `caveats`: denials, drafts, templates, superseded and other bodies' documents;
- `soft_errors`: the titles and headings of error pages served with a success status;
- `access`: bot challenges, login and cookie walls, pages drawn by script, trackers not fetched;
- `files`: file-name, URL and link-text cues;
- `web`: governance words in links (the crawl's order), calendars, cookie banners, field classes;
- `wording`: English function words, as headings and wrapped table cells meet them;
- `titles`: lists of document-title patterns several rules select by.
- `councils`: a council's own pages: the notices around a meeting, the private-business item,
  the listing and profiles of its members (issue 18); minutes excluding the public or taking an
  urgent item, and the grounds they give.
- `committees`: a council's committee system as the ModernGov adapter reads it: the LEP's
  committees by title, cancelled meetings, packs, items kept from the public, minutes items;

Rules cite vocabularies by name (`vocabulary: declarations_item`, `title_vocabulary: ...`):
`named` lists the names a rule may use. How rule patterns are read (a space matches any
whitespace, case does not matter) is defined once, in `dialect`.

This package sits at the bottom of the layers: it imports nothing of lepcheck but `models`.
"""
