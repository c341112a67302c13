import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ArchiveExportFormat, ArchiveExportScope } from '../../../shared/ipc/channels/archive';
import { useUiErrorText } from '../../lib/ui-error';
import { useAppStore } from '../../store';
import { Modal } from '../../components/Modal';
import { formatCount } from './format';
import { useArchiveStore } from './store/archive-store';

type ScopeKind = ArchiveExportScope['kind'];
const FORMATS: { value: ArchiveExportFormat; label: string }[] = [
  { value: 'folder', label: 'archive.formatFolder' },
  { value: 'eml', label: 'archive.formatEml' },
  { value: 'mbox', label: 'archive.formatMbox' },
];

/** "Eksportér…": a mailbox, the folder shown, the search result or the chosen letters, as files, .eml or .mbox. */
export function ExportDialog({ mailboxId, onClose }: { mailboxId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const say = useUiErrorText();
  const ids = { scope: useId(), format: useId() };
  const where = useAppStore(
    useShallow((a) => ({ folderId: a.selectedFolderId, search: a.search, selectedIds: a.selectedIds })),
  );
  const run = useArchiveStore((s) => s.exportRun);
  const choices: { kind: ScopeKind; label: string }[] = [
    ...(where.selectedIds.length > 0
      ? [{ kind: 'selection' as const, label: t('archive.scopeSelection', { count: where.selectedIds.length }) }]
      : []),
    ...(where.search ? [{ kind: 'search' as const, label: t('archive.scopeSearch', { text: where.search }) }] : []),
    ...(where.folderId && !where.search ? [{ kind: 'folder' as const, label: t('archive.scopeFolder') }] : []),
    { kind: 'mailbox', label: t('archive.scopeMailbox') },
  ];
  const [kind, setKind] = useState<ScopeKind>(choices[0]!.kind);
  const [format, setFormat] = useState<ArchiveExportFormat>('mbox');
  const n = (v: number) => formatCount(v, i18n.language);

  const scope = (): ArchiveExportScope => {
    switch (kind) {
      case 'selection':
        return { kind, messageIds: where.selectedIds };
      case 'search':
        return { kind, mailboxId, text: where.search };
      case 'folder':
        return { kind, mailboxId, folderId: where.folderId! };
      default:
        return { kind: 'mailbox', mailboxId };
    }
  };
  const close = () => {
    if (run?.running) void useArchiveStore.getState().cancelExport();
    useArchiveStore.getState().clearExport();
    onClose();
  };
  const running = run?.running === true;

  return (
    <Modal title={t('archive.exportTitle')} onClose={close}>
      <form
        className="export-form"
        onSubmit={(e) => {
          e.preventDefault();
          void useArchiveStore.getState().startExport(format, scope());
        }}
      >
        <p className="hint">{t('archive.exportOnlyArchived')}</p>
        <fieldset disabled={running}>
          <legend>{t('archive.exportWhat')}</legend>
          {choices.map((c) => (
            <label key={c.kind} className="radio-row">
              <input type="radio" name={ids.scope} checked={kind === c.kind} onChange={() => setKind(c.kind)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={running}>
          <legend>{t('archive.exportFormat')}</legend>
          {FORMATS.map((f) => (
            <label key={f.value} className="radio-row">
              <input type="radio" name={ids.format} checked={format === f.value} onChange={() => setFormat(f.value)} />
              {t(f.label)}
            </label>
          ))}
        </fieldset>
        {running && (
          <div className="archive-progress">
            <progress
              aria-label={t('archive.exportProgress')}
              max={Math.max(run.total, 1)}
              value={Math.min(run.done, Math.max(run.total, 1))}
            />
            <span>{t('archive.exportProgressText', { done: n(run.done), total: n(run.total) })}</span>
          </div>
        )}
        {run?.result && (
          <p className="hint" role="status">
            {run.result.cancelled
              ? t('archive.exportCancelled')
              : t('archive.exportDone', { count: run.result.exported, exported: n(run.result.exported) })}
            {run.result.skipped > 0 && !run.result.cancelled
              ? ` ${t('archive.exportSkipped', { skipped: n(run.result.skipped) })}`
              : ''}
          </p>
        )}
        {run?.error && (
          <p className="error" role="alert">
            {say(run.error)}
          </p>
        )}
        <div className="button-row">
          {running ? (
            <button type="button" onClick={() => void useArchiveStore.getState().cancelExport()}>
              {t('archive.exportCancel')}
            </button>
          ) : (
            <button type="button" onClick={close}>
              {t('archive.exportClose')}
            </button>
          )}
          <button type="submit" className="primary" disabled={running}>
            {t('archive.exportStart')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
