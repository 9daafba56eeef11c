"""axe-core (WCAG 2.2 A/AA) finds nothing on the sign-in page and the trainer access request."""

import pytest

from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/sign-in/", "Sign in"),
        ("/sign-in/?next=/about/", "Sign in"),
        ("/request-access/", "Request trainer access"),
        ("/request-access/thanks/", "Thank you: your request was sent"),
    ],
    ids=["sign-in", "sign-in-for-a-page", "request-access", "thanks"],
)
def test_account_page_has_no_axe_violations(page, path, heading):
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").inner_text() == heading
    assert_no_axe_violations(page, path)


def test_sign_in_with_a_wrong_password_has_no_axe_violations(page):
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in", exact=True).click()
    assert page.get_by_text("That username and password did not match.").first.is_visible()
    assert_no_axe_violations(page, "/sign-in/ (failed)")


def test_request_access_with_errors_has_no_axe_violations(page):
    page.goto("/request-access/")
    page.get_by_label("Email address").fill("not-an-address")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Send request").click()
    assert answer.value.status == 400
    assert page.get_by_role("alert").get_by_text("Your request was not sent yet").is_visible()
    assert page.get_by_label("Your name").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page, "/request-access/ (errors)")


def test_a_request_sent_in_the_browser_reaches_the_thanks_page(page):
    page.goto("/request-access/")
    page.get_by_label("Your name").fill("Ada Okafor")
    page.get_by_label("Email address").fill("ada@clinic.example.org")
    page.get_by_label("Organisation").fill("Riverside Community Clinic")
    page.get_by_label("Your job role").fill("Clinical supervisor")
    page.get_by_label("Why you would like trainer access").fill("Monthly STS sessions.")
    page.get_by_role("button", name="Send request").click()
    page.wait_for_url("**/request-access/thanks/")
    assert page.locator("h1").inner_text() == "Thank you: your request was sent"
    # The trap for robots is out of sight and out of the keyboard's way.
    page.goto("/request-access/")
    trap = page.get_by_label("Leave this field empty")
    assert trap.get_attribute("tabindex") == "-1"
    box = page.locator(".account-form__trap").bounding_box()
    assert box["x"] + box["width"] <= 0


@pytest.mark.parametrize("width", [320, 390])
def test_account_pages_fit_a_phone(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("/sign-in/", "/request-access/"):
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, (path, overflow)
