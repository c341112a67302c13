import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobalWorkerOptions, getDocument, PDFWorker, TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { base64ToBytes } from '../lib/bytes';

GlobalWorkerOptions.workerSrc = workerUrl;

// One worker for every PDF the app shows: starting pdf.js's worker (fetch, parse, handshake) was most of what opening
// a PDF letter waited for. getDocument leaves a worker it was given running when the document is destroyed.
let sharedWorker: PDFWorker | null = null;
const worker = (): PDFWorker => {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
};

/** Starts the worker ahead of the first PDF (the reading pane calls this when the app is idle). */
export function warmUpPdf(): void {
  worker();
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** A PDF rendered in the app, one page at a time, with a text layer so the letter's text can be selected and copied. */
export default function PdfView({ base64, name }: { base64: string; name: string }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(2);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    let task: ReturnType<typeof getDocument> | null = null;
    try {
      // No eval, no fonts or wasm from anywhere: a letter must render with what is in the file.
      task = getDocument({
        data: base64ToBytes(base64),
        worker: worker(),
        isEvalSupported: false,
        useSystemFonts: true,
        disableFontFace: false,
      });
      task.promise.then(
        (d) => {
          loaded = d;
          if (cancelled) void d.destroy();
          else setDoc(d);
        },
        () => !cancelled && setFailed(true),
      );
    } catch {
      queueMicrotask(() => !cancelled && setFailed(true));
    }
    return () => {
      cancelled = true;
      void task?.destroy();
      void loaded?.destroy();
    };
  }, [base64]);

  useEffect(() => {
    if (!doc) return;
    let cancelled = false;
    let renderTask: { cancel(): void } | null = null;
    let textLayer: TextLayer | null = null;
    const scale = ZOOMS[zoomIndex]!;
    void (async () => {
      try {
        const p = await doc.getPage(page);
        if (cancelled || !canvasRef.current || !textRef.current || !pageRef.current) return;
        const viewport = p.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        const canvas = canvasRef.current;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${viewport.width}px`;
        canvas.style.height = `${viewport.height}px`;
        pageRef.current.style.width = `${viewport.width}px`;
        pageRef.current.style.height = `${viewport.height}px`;
        pageRef.current.style.setProperty('--total-scale-factor', String(scale));
        pageRef.current.style.setProperty('--scale-factor', String(scale));
        const task = p.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
        renderTask = task;
        textRef.current.replaceChildren();
        textLayer = new TextLayer({ textContentSource: p.streamTextContent(), container: textRef.current, viewport });
        await Promise.all([task.promise, textLayer.render()]);
        // pdf.js measures text on a canvas it appends to <body>; it is not content.
        for (const el of document.querySelectorAll('.hiddenCanvasElement')) el.setAttribute('aria-hidden', 'true');
      } catch (e) {
        if (!cancelled && !(e instanceof Error && e.name === 'RenderingCancelledException')) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [doc, page, zoomIndex]);

  if (failed) {
    return (
      <p className="notice" role="alert">
        {t('message.pdfError')}
      </p>
    );
  }
  if (!doc) return <p className="muted">{t('message.loadingFile')}</p>;
  const pages = doc.numPages;
  return (
    <div className="pdf-view">
      <div className="pdf-toolbar" role="toolbar" aria-label={name}>
        <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('message.prevPage')}
        </button>
        <span aria-live="polite">{t('message.page', { page, pages })}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('message.nextPage')}
        </button>
        <button type="button" disabled={zoomIndex <= 0} onClick={() => setZoomIndex(zoomIndex - 1)}>
          {t('message.zoomOut')}
        </button>
        <span>{t('message.zoom', { pct: Math.round(ZOOMS[zoomIndex]! * 100) })}</span>
        <button type="button" disabled={zoomIndex >= ZOOMS.length - 1} onClick={() => setZoomIndex(zoomIndex + 1)}>
          {t('message.zoomIn')}
        </button>
      </div>
      {/* Focusable so the page can be scrolled with the keyboard. */}
      <div className="pdf-scroll" tabIndex={0} role="region" aria-label={t('message.pdfPage', { page })}>
        <div ref={pageRef} className="pdf-page">
          <canvas ref={canvasRef} aria-hidden="true" />
          <div ref={textRef} className="textLayer" />
        </div>
      </div>
    </div>
  );
}
