// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyAppearance } from './appearance';

describe('applyAppearance', () => {
  it('marks a chosen theme and density on the root, and leaves the OS to decide for system', () => {
    const root = document.createElement('html');
    applyAppearance({ theme: 'dark', density: 'compact' }, root);
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.density).toBe('compact');
    applyAppearance({ theme: 'system', density: 'normal' }, root);
    expect(root.dataset.theme).toBeUndefined();
    expect(root.dataset.density).toBeUndefined();
    applyAppearance({ theme: 'light' }, root);
    expect(root.dataset.theme).toBe('light');
  });
});
