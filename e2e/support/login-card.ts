import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The `<orgauth-login>` card. Role-based locators pierce its open shadow root, so the same page object
 * serves the React page and the script-tag page.
 */
export class LoginCard {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('orgauth-login');
  }

  heading(name: string | RegExp): Locator {
    return this.root.getByRole('heading', { name });
  }

  async expectEmailStep(): Promise<void> {
    await expect(this.heading(/sign in or create an organization/i)).toBeVisible();
  }

  /** Types the email, submits, and checks the busy state then "Check your email". */
  async submitEmail(email: string): Promise<void> {
    await this.expectEmailStep();
    await this.root.getByRole('textbox', { name: /email/i }).fill(email);
    await this.root.getByRole('button', { name: /continue with email/i }).click();
    await expect(this.heading(/check your email/i)).toBeVisible();
    await expect(this.root.getByText(email)).toBeVisible();
  }

  async expectChooseOrganization(): Promise<void> {
    await expect(this.heading(/choose an organization/i)).toBeVisible();
  }

  organizationButton(name: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(name) });
  }

  async openCreateOrganization(): Promise<void> {
    await this.root.getByRole('button', { name: /create an organization/i }).click();
    await expect(this.heading(/create an organization/i)).toBeVisible();
  }

  nameField(): Locator {
    return this.root.getByRole('textbox', { name: /name/i }).first();
  }

  slugField(): Locator {
    return this.root.getByRole('textbox', { name: /slug|url/i });
  }

  async submitCreate(): Promise<void> {
    await this.root
      .getByRole('button', { name: /^create/i })
      .last()
      .click();
  }
}
