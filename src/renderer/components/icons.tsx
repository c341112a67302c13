// Inline icons (24×24, currentColor): emoji glyphs depend on fonts the machine may not have. Always decorative:
// the control or text beside an icon carries the accessible name.

const PATHS = {
  mailOpen: 'M3 10l9-6 9 6v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1zM3 10l9 6 9-6',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  flag: 'M5 21V4M5 4h11l-2 4 2 4H5',
  folderMove: 'M3 6h6l2 2h10v11H3zM11 14h7M15 11l3 3-3 3',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  restore: 'M4 12a8 8 0 1 0 3-6.2M4 4v5h5',
  print: 'M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  note: 'M5 3h10l4 4v14H5zM15 3v4h4M8 12h8M8 16h5',
  zoomIn: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14zM20 20l-4-4M8 11h6M11 8v6',
  zoomOut: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14zM20 20l-4-4M8 11h6',
  paperclip: 'M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.5 3.5 0 0 1 5 5L10.3 18a2 2 0 0 1-2.8-2.8l7.9-7.9',
  filePdf: 'M6 2h9l5 5v15H6zM14 2v6h6M8.5 17v-4h1.5a1.2 1.2 0 0 1 0 2.5H8.5',
  fileText: 'M6 2h9l5 5v15H6zM14 2v6h6M9 13h6M9 17h6',
  fileImage: 'M4 4h16v16H4zM4 16l5-5 4 4 3-3 4 4M15.5 8.5h.01',
  fileCode: 'M6 2h9l5 5v15H6zM14 2v6h6M10 13l-2 2 2 2M14 13l2 2-2 2',
  file: 'M6 2h9l5 5v15H6zM14 2v6h6',
  download: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  eye: 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6z',
  check: 'M4 12l5 5L20 6',
  close: 'M6 6l12 12M18 6L6 18',
  legal: 'M12 3v18M5 7h14M5 7l-3 7a3 3 0 0 0 6 0zM19 7l-3 7a3 3 0 0 0 6 0zM8 21h8',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}

/** A button that shows only its icon: the label is its accessible name and its tooltip. */
export function IconButton({
  icon,
  label,
  onClick,
  pressed,
  className,
  disabled,
  ...rest
}: {
  icon: IconName;
  label: string;
  onClick: () => void;
  pressed?: boolean;
  className?: string;
  disabled?: boolean;
} & Pick<
  React.ButtonHTMLAttributes<HTMLButtonElement>,
  'aria-expanded' | 'aria-controls' | 'aria-haspopup' | 'title' | 'aria-description'
>) {
  return (
    <button
      type="button"
      className={`icon-button${className ? ` ${className}` : ''}`}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      {...rest}
    >
      <Icon name={icon} />
    </button>
  );
}
