import { expect, test, DEMO, demoPassword, signIn } from "./support/fixtures";
import { expectNoAxeViolations } from "./support/axe";
import { addUserAsAdmin, adminPage } from "./support/users";

test.describe("signed out", () => {
  test.use({ role: null });

  test("pages send a signed-out person to sign in, and back where they were going after", async ({ page }) => {
    const response = await page.request.get("/timeline", { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["location"]).toMatch(/\/sign-in\?returnTo=%2Ftimeline$/);
    await page.goto("/timeline");
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Ftimeline$/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Email address").fill(DEMO.viewer);
    await page.getByLabel("Password", { exact: true }).fill(demoPassword());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/timeline$/);
    await expect(page.getByRole("link", { name: /Demo Clerk/ })).toBeVisible();
  });

  test("/health, the sign-in page and static files need no session", async ({ page }) => {
    expect((await page.request.get("/health")).status()).toBe(200);
    expect((await page.request.get("/sign-in")).status()).toBe(200);
    const pdf = await page.request.get("/updates/2021-q4/pdf", { maxRedirects: 0 });
    expect(pdf.status()).toBe(303);
    // next-auth's own session endpoint would refresh any token: it is not there unless single sign-on is on.
    expect((await page.request.get("/api/auth/session")).status()).toBe(404);
    const api = await page.request.get("/api/v1/roadmap", { maxRedirects: 0 });
    expect(api.status()).toBe(401);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
  });

  test("a wrong password or an unknown email get the same message, at the field, with the email kept", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("There is a problem");
    await expect(page.getByRole("link", { name: "Enter your email address" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enter your password" })).toBeVisible();
    await expectNoAxeViolations(page);

    const messages: string[] = [];
    for (const email of [DEMO.editor, "nobody-here@example.gov.uk"]) {
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("not the right password");
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
      await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a correct email address and password");
      messages.push((await page.getByRole("alert", { name: "There is a problem" }).textContent()) ?? "");
      await expect(page.getByLabel("Email address")).toHaveValue(email);
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
      expect(await page.content()).not.toContain("not the right password");
    }
    expect(messages[0]).toBe(messages[1]);
    await expectNoAxeViolations(page);
  });

  test("repeated failures for one account are slowed, then refused even with the right password", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const admin = await adminPage(browser);
    const person = await addUserAsAdmin(admin, "viewer", "throttled");
    await page.goto("/sign-in");
    for (let i = 0; i < 10; i++) {
      await page.getByLabel("Email address").fill(person.email);
      await page.getByLabel("Password", { exact: true }).fill(`wrong password number ${i}`);
      // Wait for each answer, and for React to reset the form after it, before the next attempt.
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
      await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a correct email address and password");
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
      await expect(page.getByLabel("Email address")).toHaveValue(person.email);
    }
    await page.getByLabel("Email address").fill(person.email);
    await page.getByLabel("Password", { exact: true }).fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Too many failed attempts to sign in. Wait 15 minutes, then try again.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a cross-site form post is refused", async ({ page }) => {
    const response = await page.request.post("/sign-in", {
      headers: { Origin: "https://attacker.example", "Sec-Fetch-Site": "cross-site" },
      form: { email: DEMO.admin, password: demoPassword() },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });
});

test("security headers: a CSP with a nonce and no inline scripts, no framing, and a HttpOnly SameSite=Lax session cookie", async ({ page }) => {
  const response = await page.request.get("/");
  const csp = response.headers()["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response.headers()["permissions-policy"]).toContain("camera=()");
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe("Lax");
  // Every script Next.js puts in the page carries this response's nonce.
  await page.goto("/");
  const nonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces.every((n) => (n ?? "").length > 0)).toBe(true);
});

test.describe("signing out", () => {
  test.use({ role: null });

  // A person of its own: signing out ends all of that person's sessions, which would end other tests' too.
  test("ends the session, and a copy of the session cookie is worthless after it", async ({ page, browser }) => {
    const person = await addUserAsAdmin(await adminPage(browser), "viewer", "signs-out");
    await signIn(page, person.email, person.password);
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You have signed out.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/timeline");
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Ftimeline$/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.request.get("/timeline", { maxRedirects: 0 });
    expect(stolen.status()).toBe(303);
  });
});

test("a clerk sees no draft and no edit or admin control, and those URLs answer 403", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Timeline" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Working draft" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  for (const path of ["/draft", "/admin/users", "/admin/users/new", "/admin/users/1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to see this page");
  }
  await expectNoAxeViolations(page);
});

test.describe("as an administrator", () => {
  test.use({ role: "admin" });

  test("the users page and the add-user form, with errors at each field", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByRole("row").filter({ hasText: DEMO.viewer })).toContainText("Viewer (committee clerk)");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Add a user" }).click();
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the person's full name");
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Enter an email address in the correct format, like name@example.gov.uk");
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Select a role");
    await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
    await expectNoAxeViolations(page);
    await page.getByLabel("Full name").fill("Duplicate Clerk");
    await page.getByLabel("Email address").fill(DEMO.viewer.toUpperCase());
    await page.getByRole("radio", { name: /^Viewer/ }).check();
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("There is already an account with this email address");
  });

  test("a user demoted from editor to viewer is refused on their very next request", async ({ page, browser }) => {
    const person = await addUserAsAdmin(page, "editor", "demoted");
    const theirs = await (await browser.newContext()).newPage();
    await signIn(theirs, person.email, person.password);
    expect((await theirs.goto("/draft"))?.status()).toBe(200);

    await page.goto(`/admin/users/${person.id}`);
    await page.getByRole("radio", { name: /^Viewer/ }).check();
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("The role has been changed.")).toBeVisible();

    expect((await theirs.goto("/draft"))?.status()).toBe(403);
    expect((await theirs.goto("/timeline"))?.status()).toBe(200);
  });

  test("a deactivated user is signed out at once, after the admin confirms", async ({ page, browser }) => {
    const person = await addUserAsAdmin(page, "viewer", "deactivated");
    const theirs = await (await browser.newContext()).newPage();
    await signIn(theirs, person.email, person.password);

    await page.goto(`/admin/users/${person.id}`);
    await page.getByRole("link", { name: /Deactivate .*account/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Are you sure you want to deactivate this account?");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Yes, deactivate account" }).click();
    await expect(page.getByText("The account has been deactivated.")).toBeVisible();

    await theirs.goto("/timeline");
    await expect(theirs).toHaveURL(/\/sign-in/);
    await theirs.getByLabel("Email address").fill(person.email);
    await theirs.getByLabel("Password", { exact: true }).fill(person.password);
    await theirs.getByRole("button", { name: "Sign in" }).click();
    await expect(theirs.getByRole("alert", { name: "There is a problem" })).toContainText("Enter a correct email address and password");
  });

  test("an administrator cannot deactivate or demote themselves", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByRole("row").filter({ hasText: DEMO.admin }).getByRole("link", { name: /Change/ }).click();
    await expect(page.getByText("This is your own account")).toBeVisible();
    await page.getByRole("radio", { name: /^Viewer/ }).check();
    await page.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("You cannot remove your own administrator role");
    await expect(page.getByText("Administrator").first()).toBeVisible();
  });
});

test("a person changes their own password, with the NCSC rules at the field", async ({ page, browser }) => {
  const admin = await adminPage(browser);
  const person = await addUserAsAdmin(admin, "viewer", "password");
  await page.context().clearCookies();
  await signIn(page, person.email, person.password);
  await page.getByRole("link", { name: /Your account/ }).click();
  await expectNoAxeViolations(page);

  const submit = async (current: string, next: string, confirm = next) => {
    await page.getByLabel("Current password").fill(current);
    await page.getByLabel("New password", { exact: true }).fill(next);
    await page.getByLabel("Confirm new password").fill(confirm);
    await page.getByRole("button", { name: "Change password" }).click();
  };
  await submit(person.password, "short");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Password must be 12 characters or more");
  await expectNoAxeViolations(page);
  await submit(person.password, "password1234");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Password is too common");
  await submit(person.password, "marble kettle orbit", "marble kettle orbiT");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Passwords do not match");
  await submit("not my password at all", "marble kettle orbit");
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Your current password is not correct");
  await submit(person.password, "marble kettle orbit");
  await expect(page.getByText("Your password has been changed.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await signIn(page, person.email, "marble kettle orbit");
});
