/** The VibrationFit mark: a wave on a sage disc. Decorative: the brand name is always written next to it. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="#2f6f5e" />
      <path
        d="M6 18c3-6 5-6 7 0s4 6 7 0 4-6 6-2"
        fill="none"
        stroke="#f7f1e8"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
