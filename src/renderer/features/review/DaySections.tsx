import { DueBy } from './DueBy';
import { selectLateRows, selectRejections, type ReviewPageState } from './reviewSlice';
import { courtWhen } from './reviewTime';

type Props = { readonly state: ReviewPageState; readonly nowMs: number };

/**
 * The day's open submissions at risk or overdue (most urgent first), and the rejections with
 * the relay's reason and the field it names, each as its own list so neither hides in the table.
 */
export function DaySections({ state, nowMs }: Props) {
  const late = selectLateRows(state);
  const rejected = selectRejections(state);
  return (
    <>
      <section className="panel" aria-labelledby="review-late-heading">
        <h2 id="review-late-heading">
          This day&rsquo;s submissions at risk or overdue ({late.length})
        </h2>
        {late.length === 0 ? (
          <p className="empty-state">
            None of this day&rsquo;s open submissions is at risk or overdue.
          </p>
        ) : (
          <ul>
            {late.map((s) => (
              <li key={s.orderId}>
                Case {s.caseNumber} ({s.orderType}): <DueBy submission={s} nowMs={nowMs} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="review-rejections-heading">
        <h2 id="review-rejections-heading">Rejections ({rejected.length})</h2>
        {rejected.length === 0 ? (
          <p className="empty-state">No submission was rejected on this day.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Case number</th>
                <th scope="col">Reason</th>
                <th scope="col">Field</th>
                <th scope="col">Code</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {rejected.map((s) => (
                <tr key={s.orderId}>
                  <th scope="row">{s.caseNumber}</th>
                  <td>{s.rejectReason ?? 'No reason given'}</td>
                  <td>{s.rejectedField ?? 'Not named'}</td>
                  <td>{s.rejectCode ?? ''}</td>
                  <td>{courtWhen(s.statusAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
