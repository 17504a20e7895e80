import { table } from "./typography";

/** A table's header row: each column a label, or a label with a width class. Hidden labels stay readable by screen readers. */
export function TableHead({ columns }: { columns: Array<string | { label: string; className?: string; hidden?: boolean }> }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, className = "", hidden = false } = typeof column === "string" ? { label: column } : column;
          return (
            <th key={label} scope="col" className={`${table.th} ${className}`}>
              {hidden ? <span className="sr-only">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
