// One of the reports' tables (tables.ts), as an accessible table: a caption, column and row headers with their
// scope, totals apart, 「3未満」 and 「秘匿」 as the api says them, and a link per count to the filtered referral list.
import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ja } from '../../shared/i18n/ja';
import type { ChartProps } from './Chart';
import type { Table } from './tables';

const Chart = lazy(() => import('./Chart'));

export function ReportTable({ table, id }: { table: Table; id: string }) {
  return (
    // Wide tables scroll inside their own box, which the keyboard can reach (and scroll) too.
    <div className="max-w-full overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="report-table w-full border-collapse text-dns-16N-130">
        <caption id={`${id}-caption`} className="mb-2 text-left text-std-16B-170">
          {table.caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-solid-gray-600">
            <th scope="col" className="px-3 py-2 text-left">
              {table.rowHeader}
            </th>
            {table.columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 text-right">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} className={row.total ? 'border-t-2 border-solid-gray-600 font-bold' : 'border-b border-solid-gray-200'}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {row.total ? <strong>{row.header}</strong> : row.header}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className={`px-3 py-2 text-right tabular-nums ${cell.suppressed ? 'text-solid-gray-700' : ''}`}>
                  {cell.href ? (
                    <Link to={cell.href} className="text-blue-1000 underline">
                      {cell.text}
                    </Link>
                  ) : (
                    cell.text
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart drawn from a table and the table itself, the same figures twice: the chart for the eye, the table for all. */
export function ChartWithTable({ id, table, chart, children }: { id: string; table: Table; chart: ChartProps; children?: ReactNode }) {
  return (
    <figure className="report-figure flex flex-col gap-4">
      <div role="img" aria-label={ja.reports.chartLabel(table.caption)} className="min-h-10">
        <Suspense fallback={<p className="text-solid-gray-700">{ja.reports.chartLoading}</p>}>
          <Chart {...chart} />
        </Suspense>
      </div>
      <ReportTable id={id} table={table} />
      {children}
    </figure>
  );
}
