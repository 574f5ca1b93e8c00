/** Props of Avatar. */
export interface AvatarProps {
  name: string | null;
}

/** A stable hue per name, so a person keeps their colour down the thread. */
function hueOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

/** Initial-letter avatar; decorative, the name is always written beside it. */
export function Avatar({ name }: AvatarProps) {
  const initial = name ? [...name.trim()][0]?.toLocaleUpperCase() : undefined;
  return (
    <span
      class={initial ? 'tl-avatar' : 'tl-avatar tl-avatar-anon'}
      part="avatar"
      aria-hidden="true"
      style={initial ? { '--tl-avatar-hue': String(hueOf(name!)) } : undefined}
    >
      {initial ?? (
        <svg viewBox="0 0 20 20" width="1.1em" height="1.1em" fill="currentColor" focusable="false" aria-hidden="true">
          <circle cx="10" cy="6.5" r="3.6" />
          <path d="M2.8 18c.6-4 3.6-6.2 7.2-6.2s6.6 2.2 7.2 6.2z" />
        </svg>
      )}
    </span>
  );
}
