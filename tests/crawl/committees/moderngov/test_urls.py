"""ModernGov URLs as real installs spell them (tests/fixtures/moderngov/README.md)."""

from __future__ import annotations

from lepcheck.crawl.committees.moderngov import urls

BASE = "https://democracy.example.gov.uk/"


def test_pages_and_the_service_are_install_urls_and_nothing_else() -> None:
    assert urls.is_install_url(BASE + "mgCommitteeDetails.aspx?ID=938")
    assert urls.is_install_url(BASE + "ieListDocuments.aspx?CId=938&MId=12")
    assert urls.is_install_url(BASE + "mgWebService.asmx/GetMeeting?lMeetingId=1")
    assert urls.is_install_url("https://www.council.gov.uk/moderngov/mgAi.aspx?ID=4408")
    assert not urls.is_install_url("https://www.lep.org.uk/meetings.aspx")
    assert not urls.is_install_url(BASE + "documents/s7942/polc2 - 23.09.2015.pdf")
    assert urls.service_method(BASE + "mgWebService.asmx/GetMeetings?x=1") == "GetMeetings"
    assert urls.service_method(BASE + "mgWebService.asmx") == ""
    # a name that never resolves (RFC 2606) is an illustration, not an install
    assert not urls.is_install_url("https://democracy.amberdale-cc.example/mgAi.aspx?ID=1")


def test_the_install_base_keeps_its_folder() -> None:
    assert urls.install_base(BASE + "ieListMeetings.aspx?CId=1") == BASE
    moderngov = "https://www.council.gov.uk/moderngov/"
    assert urls.install_base(moderngov + "mgWebService.asmx/GetMeeting?lMeetingId=2") == moderngov
    assert urls.install_base(moderngov + "documents/s12/a.pdf") == moderngov


def test_ids_in_either_spelling_of_a_parameter() -> None:
    assert urls.committee_id(BASE + "mgCommitteeDetails.aspx?ID=938") == 938
    assert urls.committee_id(BASE + "ieListDocuments.aspx?cid=151&MID=4832") == 151
    assert urls.meeting_id(BASE + "ieListDocuments.aspx?CId=151&MID=4832") == 4832
    assert urls.meeting_id(BASE + "ieListDocuments.aspx?CId=151&MId=4832&Ver=4") == 4832
    assert urls.committee_id(BASE + "mgAi.aspx?ID=4408") is None


def test_one_document_under_its_two_urls() -> None:
    assert urls.attachment_id(BASE + "mgConvert2PDF.aspx?ID=60860") == 60860
    assert urls.attachment_id(BASE + "documents/s7942/polc2 - 23.09.2015.pdf") == 7942
    assert urls.attachment_id(BASE + "documents/s71001/Annual Accounts 2022-23") == 71001
    pack = BASE + "documents/g8101/Printed minutes 15th-Mar-2022 16.30 Board.pdf?T=1"
    assert urls.attachment_id(pack) is None and urls.is_pack(pack)
    assert urls.meeting_id(pack) == 8101


def test_dates_are_sent_as_installs_read_them() -> None:
    url = urls.service_url(BASE, "GetMeetings", lCommitteeId=5, sFromDate="31/01/2022")
    assert url == BASE + "mgWebService.asmx/GetMeetings?lCommitteeId=5&sFromDate=31/01/2022"
