/** The system use notice shown before sign-in (CJIS 5.5.4, AC-8). Text for the court to adapt. */
export function SystemUseNotice() {
  return (
    <p className="auth-notice">
      This system holds criminal justice information. Use is limited to authorised court staff for
      official business, is monitored and recorded, and misuse may lead to discipline and
      prosecution. By signing in you accept these conditions.
    </p>
  );
}
