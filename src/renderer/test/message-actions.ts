import { vi } from 'vitest';
import type { MessageActions } from '../components/MessageView';

/** Every action of the reading pane as a mock, for tests that render MessageView and check what a click calls. */
export const mockMessageActions = (): MessageActions => ({
  toggleRead: vi.fn(),
  toggleFlag: vi.fn(),
  saveNote: vi.fn(async () => true),
  move: vi.fn(),
  remove: vi.fn(),
  restore: vi.fn(),
  markLegallyNotified: vi.fn(),
  openThreadMessage: vi.fn(),
  loadFile: vi.fn(),
  saveFile: vi.fn(),
  openFile: vi.fn(),
  openLink: vi.fn(),
  print: vi.fn(),
});
