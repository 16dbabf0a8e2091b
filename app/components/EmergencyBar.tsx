/** Always visible: what to do when a child is in acute danger. */
export function EmergencyBar() {
  return (
    <div className="emergency-bar">
      <p>
        Är ett barn i akut fara? Ring <a href="tel:112">112</a>.
      </p>
    </div>
  );
}
