"""Committee systems: where most LEP papers really live (issue 14).

A LEP linked its board papers to its accountable body's committee system. When a link from the
LEP's pages (or a declared related site) leads to a system the crawl knows, an adapter for that
install decides what to fetch there: the LEP's committees only, over the audit window, through
the system's web service first and its pages when the service is absent or refuses. Its requests
go through the same frontier, guard, robots, pacing and size caps as every other request.
A site that is not a known system is crawled as before.
"""
