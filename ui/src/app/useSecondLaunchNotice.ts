// When Roomdesk is started again on the data dir this window already has open, the second
// launch hands over and exits (one process per workspace); this window comes to the front
// and says why, so the person who double-clicked the icon knows where their app went.
import { notifications } from "@mantine/notifications";
import { isTauri } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { useEffect } from "react";
import { SECOND_LAUNCH_EVENT } from "../bindings";

export const SECOND_LAUNCH_NOTICE_ID = "second-launch-notice";

export function showSecondLaunchNotice() {
  notifications.show({
    id: SECOND_LAUNCH_NOTICE_ID,
    title: "Roomdesk is already open",
    message: "It was started again on this workspace, so this window came to the front instead.",
    color: "blue",
    autoClose: 8000,
    // Mantine spreads other props onto the notification's root element.
    "data-testid": SECOND_LAUNCH_NOTICE_ID,
  });
}

/** Listens for the shell's second-launch event for as long as the frame is mounted. */
export function useSecondLaunchNotice() {
  useEffect(() => {
    if (!isTauri()) return;
    let stop: (() => void) | undefined;
    let unmounted = false;
    listen(SECOND_LAUNCH_EVENT, showSecondLaunchNotice)
      .then((unlisten) => {
        if (unmounted) unlisten();
        else stop = unlisten;
      })
      .catch(() => {
        // Without the event the app still works; the second launch just exits quietly.
      });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);
}
