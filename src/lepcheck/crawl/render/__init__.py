"""Pages drawn by JavaScript (issue 16): when and how the crawl renders a page in headless
Chromium, and keeps the evidence of it.

`shell` decides from the server's HTML whether a page needs a browser (`--render auto`);
`source` is the FetchSource that renders over another source; `browser` starts and closes
the one Chromium of a crawl (Playwright, imported only when a page is rendered); `page` draws
one page, every request it makes answered by the crawl's own source; `memory` reads the
browser's memory; `account` keeps what was rendered and what went wrong in the snapshot's
meta. The recorder archives a render: the page's response as fetched, each response the page
loaded (role "subresource"), and the DOM as a WARC conversion record referring to the
response (role "rendered"), which the extract stage reads in place of the response.
"""
