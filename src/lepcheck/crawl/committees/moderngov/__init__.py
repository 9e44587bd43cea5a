"""ModernGov (Civica modern.gov), the committee system of most English councils: its URLs
(`urls`), its web service (`service`), the install's walk through the service or, when the
service is absent or refuses, through the committee's own pages (`walk`)."""
