// The sync summary in a popover under the header's sync control. Loaded when a run ends
// (its floating-UI code is not needed to start the app); the control stays mounted
// beneath it, and the popover anchors to an overlay of the control's whole area.
import { Popover } from "@mantine/core";
import type { SyncReport } from "../bindings";
import { SyncSummaryCard } from "./SyncSummaryCard";

export function SyncSummaryPopover({ report, onClose }: { report: SyncReport; onClose: () => void }) {
  return (
    <Popover opened onClose={onClose} position="bottom-end" width={300} shadow="md" withArrow>
      <Popover.Target>
        <span aria-hidden style={{ position: "absolute", inset: 0, pointerEvents: "none" }} />
      </Popover.Target>
      <Popover.Dropdown p="md">
        <SyncSummaryCard report={report} onClose={onClose} />
      </Popover.Dropdown>
    </Popover>
  );
}
