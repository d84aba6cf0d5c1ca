type Props = {
  /** The visible column headings, in order, before the actions column. */
  readonly columns: readonly string[];
};

/**
 * The header row of a table whose last column holds row buttons: that column is named
 * "Actions" for screen readers only, since its buttons already say what they do.
 */
export function ActionsTableHead({ columns }: Props) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
