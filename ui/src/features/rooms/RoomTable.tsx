// The rows of the room list as plain table elements (one CSS class per element keeps a
// page of 100 rooms cheap to paint): sortable headers, a checkbox per row, badges.
import { Skeleton } from "@mantine/core";
import type { KeyboardEvent, MouseEvent } from "react";
import type { RoomView, SortField } from "../../bindings";
import { formatCount, formatExact, formatRelative } from "../../format/time";
import classes from "./RoomList.module.css";
import { RoomBadges } from "./RoomBadges";
import type { NameLookup } from "./lookupNames";
import { pageState, type Selection } from "./selection";
import { SORT_FIELDS, type RoomSort } from "./sorting";

interface Props {
  rooms: RoomView[];
  loading: boolean;
  dimmed: boolean;
  sort: RoomSort;
  onSort: (field: SortField) => void;
  selection: Selection;
  onSelect: (id: string, shift: boolean) => void;
  onSelectAll: () => void;
  onOpen: (id: string) => void;
  names: NameLookup;
  uncertainIds: ReadonlySet<string>;
  now: number;
}

const COLUMNS = 10;

export function RoomTable({ rooms, loading, dimmed, sort, onSort, selection, onSelect, onSelectAll, onOpen, names, uncertainIds, now }: Props) {
  const order = rooms.map((v) => v.room.id);
  const all = pageState(selection, order);
  return (
    <table className={classes.table} data-testid="room-list">
      <thead>
        <tr>
          <th className={classes.head} style={{ width: 36 }}>
            <input
              type="checkbox"
              className={classes.check}
              aria-label="Select all rooms on this page"
              checked={all === "all"}
              ref={(el) => {
                if (el) el.indeterminate = all === "some";
              }}
              onChange={onSelectAll}
              data-testid="room-select-all"
            />
          </th>
          <th className={classes.head}>Title</th>
          <th className={`${classes.head} ${classes.wide}`} style={{ width: 96 }}>
            Status
          </th>
          <th className={`${classes.head} ${classes.wide}`} style={{ width: "10%" }}>
            Owner
          </th>
          <th className={`${classes.head} ${classes.wide}`} style={{ width: "10%" }}>
            Company
          </th>
          {SORT_FIELDS.map(({ field, label }) => (
            <SortHeader key={field} field={field} label={label} sort={sort} onSort={onSort} />
          ))}
          <th className={`${classes.head} ${classes.number} ${classes.widest}`} style={{ width: 92 }} title="Total views / unique views">
            Views
          </th>
        </tr>
      </thead>
      <tbody style={{ opacity: dimmed ? 0.6 : 1 }}>
        {loading ? (
          <LoadingRows />
        ) : rooms.length === 0 ? (
          <tr>
            <td className={classes.cell} colSpan={COLUMNS}>
              <div className={classes.empty} data-testid="room-list-empty">
                No rooms here yet.
              </div>
            </td>
          </tr>
        ) : (
          rooms.map((view) => (
            <RoomRow
              key={view.room.id}
              view={view}
              now={now}
              names={names}
              uncertainIds={uncertainIds}
              selected={selection.ids.has(view.room.id)}
              onSelect={onSelect}
              onOpen={onOpen}
            />
          ))
        )}
      </tbody>
    </table>
  );
}

function SortHeader({ field, label, sort, onSort }: { field: SortField; label: string; sort: RoomSort; onSort: (f: SortField) => void }) {
  const active = sort.sortBy === field;
  const direction = active ? sort.sortDirection : null;
  const numeric = field === "totalEngagements";
  return (
    <th
      className={`${classes.head} ${numeric ? classes.number : ""}`}
      style={{ width: field === "updatedAt" || field === "createdAt" ? 100 : field === "totalEngagements" ? 128 : 116 }}
      aria-sort={direction === "ASC" ? "ascending" : direction === "DESC" ? "descending" : "none"}
    >
      <button
        type="button"
        className={`${classes.sortButton} ${active ? classes.sortActive : ""}`}
        onClick={() => {
          onSort(field);
        }}
        data-testid={`sort-${field}`}
        data-direction={direction ?? "none"}
        title={active ? `Sorted ${direction === "ASC" ? "oldest / smallest" : "newest / largest"} first: click to reverse` : `Sort by ${label.toLowerCase()}`}
      >
        {label}
        <span aria-hidden className={classes.arrow}>
          {direction === "ASC" ? "▲" : direction === "DESC" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}

interface RowProps {
  view: RoomView;
  now: number;
  names: NameLookup;
  uncertainIds: ReadonlySet<string>;
  selected: boolean;
  onSelect: (id: string, shift: boolean) => void;
  onOpen: (id: string) => void;
}

function RoomRow({ view, now, names, uncertainIds, selected, onSelect, onOpen }: RowProps) {
  const { room } = view;
  const open = () => {
    onOpen(room.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "Enter") {
      e.preventDefault();
      open();
    } else if (e.key === " ") {
      e.preventDefault();
      onSelect(room.id, e.shiftKey);
    }
  };
  const onCheck = (e: MouseEvent<HTMLInputElement>) => {
    e.stopPropagation();
    onSelect(room.id, e.shiftKey);
  };
  const owner = names.user(room.userId) ?? room.email ?? null;
  const company = names.company(room.companyId);
  const status = names.status(room.statusId ?? null);
  const views = room.totalViews === null ? "—" : `${formatCount(room.totalViews)} / ${formatCount(room.totalUniqueViews)}`;
  return (
    <tr
      className={`${classes.row} ${selected ? classes.selected : ""}`}
      tabIndex={0}
      onClick={open}
      onKeyDown={onKeyDown}
      data-testid={`room-row-${room.id}`}
      data-room-row=""
      aria-selected={selected}
      aria-label={`Open ${room.title}`}
    >
      <td className={classes.cell}>
        <input
          type="checkbox"
          className={classes.check}
          checked={selected}
          onChange={() => undefined}
          onClick={onCheck}
          aria-label={`Select ${room.title}`}
          data-testid={`room-select-${room.id}`}
        />
      </td>
      <td className={classes.cell}>
        <div className={classes.titleLine}>
          <span
            className={classes.swatch}
            style={{ background: room.themeColor ?? "transparent" }}
            title={room.themeColor ? `Theme color ${room.themeColor}` : "No theme color"}
            data-testid={`room-swatch-${room.id}`}
          />
          <span className={classes.title} data-testid={`room-title-${room.id}`}>
            {room.title}
          </span>
          <RoomBadges view={view} uncertainIds={uncertainIds} />
        </div>
        <div className={classes.subLine} data-testid={`room-meta-${room.id}`}>
          {status && <span className={`${classes.metaPart} ${classes.narrow}`}>{status}</span>}
          {owner && <span className={`${classes.metaPart} ${classes.narrow}`}>{owner}</span>}
          {company && <span className={`${classes.metaPart} ${classes.narrow}`}>{company}</span>}
        </div>
      </td>
      <td className={`${classes.cell} ${classes.wide} ${classes.clip}`} title={status ?? undefined} data-testid={`room-status-${room.id}`}>
        {status ?? "—"}
      </td>
      <td className={`${classes.cell} ${classes.dimmed} ${classes.wide} ${classes.clip}`} data-testid={`room-owner-${room.id}`}>
        {owner ?? "—"}
      </td>
      <td className={`${classes.cell} ${classes.dimmed} ${classes.wide} ${classes.clip}`} data-testid={`room-company-${room.id}`}>
        {company ?? "—"}
      </td>
      <TimeCell id={room.id} name="created" iso={room.createdAt} now={now} />
      <TimeCell id={room.id} name="updated" iso={room.updatedAt} now={now} />
      <TimeCell id={room.id} name="engaged" iso={room.lastEngagedAt} now={now} />
      <td className={`${classes.cell} ${classes.number}`}>
        <span data-testid={`room-engagements-${room.id}`} data-value={room.totalEngagements ?? ""}>
          {formatCount(room.totalEngagements)}
        </span>
        {room.totalViews !== null && (
          <div className={`${classes.viewsUnder} ${classes.dimmed}`} title="Total views / unique views">
            {views} views
          </div>
        )}
      </td>
      <td className={`${classes.cell} ${classes.number} ${classes.dimmed} ${classes.widest}`} data-testid={`room-views-${room.id}`}>
        {views}
      </td>
    </tr>
  );
}

function TimeCell({ id, name, iso, now }: { id: string; name: string; iso: string | null; now: number }) {
  return (
    <td className={`${classes.cell} ${classes.dimmed} ${classes.clip}`}>
      {/* The exact time as a native tooltip: no floating-UI component per row. */}
      <span title={formatExact(iso)} data-testid={`room-${name}-${id}`} data-value={iso ?? ""}>
        {iso ? formatRelative(iso, now) : "—"}
      </span>
    </td>
  );
}

function LoadingRows() {
  return (
    <>
      {Array.from({ length: 8 }, (_, i) => (
        <tr key={i} data-testid="room-list-loading">
          <td className={classes.cell} />
          <td className={classes.cell}>
            <Skeleton height={14} width={`${60 + ((i * 17) % 30)}%`} />
          </td>
          <td className={classes.cell} colSpan={COLUMNS - 2}>
            <Skeleton height={14} width="60%" />
          </td>
        </tr>
      ))}
    </>
  );
}
