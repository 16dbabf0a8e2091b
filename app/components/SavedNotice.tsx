/** "Sparat"-style confirmation after a form, announced politely to screen readers. */
export function SavedNotice({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}
