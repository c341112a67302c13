import { expect, type Page } from '@playwright/test';

// The mail screen as a person finds it: by role and accessible name.

export const list = (page: Page) => page.getByRole('listbox', { name: 'Beskeder' });
export const view = (page: Page) => page.getByRole('region', { name: 'Besked' });
export const tree = (page: Page) => page.getByRole('tree', { name: 'Mapper' });
export const folder = (page: Page, name: string) => tree(page).getByRole('treeitem', { name: new RegExp(`^${name}`) });

/** Opens the first letter whose list entry names `subject` and waits for its heading (of `level`, when given). */
export async function openMessage(page: Page, subject: string, level?: number): Promise<void> {
  await list(page)
    .getByRole('option', { name: new RegExp(subject) })
    .first()
    .click();
  await expect(
    view(page).getByRole('heading', { name: subject, exact: true, ...(level === undefined ? {} : { level }) }),
  ).toBeVisible();
}
