/** The drag payload type for letters dragged from the list onto a folder: a JSON array of message ids. */
export const MESSAGE_DRAG_TYPE = 'application/x-digitalpost-messages';

/** The ids a drop carries, or null when the drag is not letters from the list (files, text, anything else). */
export function draggedMessageIds(data: Pick<DataTransfer, 'getData'>): string[] | null {
  try {
    const parsed: unknown = JSON.parse(data.getData(MESSAGE_DRAG_TYPE) || 'null');
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every((id) => typeof id === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

export const carriesMessages = (data: Pick<DataTransfer, 'types'>): boolean =>
  Array.from(data.types).includes(MESSAGE_DRAG_TYPE);
