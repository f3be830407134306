"""The order in which an import recognises a stored contact (domain rule)."""

from workbook.domain.contacts_matching import MATCH_ORDER, match_keys


def test_url_then_email_then_name_at_organisation():
    """Every key present: strongest first, in `MATCH_ORDER`."""
    keys = list(match_keys("linkedin.com/in/ada", "ada@x.org", "Ada Lovelace", "Analytical"))
    assert [kind for kind, _ in keys] == list(MATCH_ORDER) == ["url", "email", "name_org"]
    assert keys[0] == ("url", "linkedin.com/in/ada")
    assert keys[1] == ("email", "ada@x.org")
    assert keys[2][1] == "ada lovelace@analytical"


def test_blank_keys_are_left_out_and_a_name_alone_is_no_key():
    """No address, no e-mail: only the name at the organisation; no organisation: nothing."""
    assert [k for k, _ in match_keys("", "", "Ada Lovelace", "Analytical")] == ["name_org"]
    assert list(match_keys("", "", "Ada Lovelace", "")) == []
    assert [k for k, _ in match_keys("", "ada@x.org", "Ada", "")] == ["email"]


def test_the_name_key_is_built_only_when_nothing_stronger_matched():
    """The caller stops at the first key that finds someone: the name is not even keyed."""
    keys = match_keys("linkedin.com/in/ada", "", "Ada Lovelace", "Analytical")
    assert next(keys) == ("url", "linkedin.com/in/ada")
    keys.close()


def test_a_column_of_addresses_is_keyed_as_each_address_alone():
    """The column's shortcut for LinkedIn's own spelling gives `profile_url_key`'s keys."""
    from workbook.domain.contacts_matching import profile_url_key, profile_url_keys

    urls = ["https://www.linkedin.com/in/jane-doe-1a2b3c", " HTTPS://WWW.LinkedIn.com/in/Jane/ ",
            "https://www.linkedin.com/in/x?trk=abc", "https://www.linkedin.com/in/x#top",
            "https://www.linkedin.com/", "https://www.linkedin.com//", "https://www.linkedin.co",
            "http://fr.linkedin.com/in/Jane-Doe-1a2b3c/", "https://www.linkedin.com/in/straße",
            "www.linkedin.com/in/jane", "linkedin.com/in/jane", "", "https://www.example",
            "https://www.linkedin.com/in/<img src=x onerror=alert(1)>", "\u00a0https://www."
            "linkedin.com/in/nbsp\u00a0", "https://www.linkedin.com.evil.org/in/jane"]
    assert profile_url_keys(urls) == [profile_url_key(url) for url in urls]
    assert profile_url_keys(urls)[0] == "linkedin.com/in/jane-doe-1a2b3c"


def test_merge_differences_name_the_fields_that_tell_two_records_apart():
    from workbook.domain.contacts_matching import FieldDifference, merge_differences

    first = {"full_name": "Camille Laurent", "organisation": "Freelance",
             "email": "Camille@Example.org", "profile_url": "https://www.linkedin.com/in/cl/",
             "position": "Designer", "connected_on": None, "roles": ("connector",),
             "phone": ""}
    second = {"full_name": "Camille Laurent", "organisation": "Freelance",
              "email": " camille@example.org", "profile_url": "http://fr.linkedin.com/in/CL",
              "position": "Art director", "connected_on": "2024-01-12", "roles": "connector",
              "phone": None}
    assert merge_differences(first, second) == [
        FieldDifference("position", "Designer", "Art director"),
        FieldDifference("connected_on", None, "2024-01-12")]
    assert merge_differences(first, dict(first)) == []
    assert merge_differences({"roles": ("peer",)}, {"roles": ()}) == [
        FieldDifference("roles", ("peer",), ())]
