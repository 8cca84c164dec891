//! The commands the UI invokes, all declared once in `declared.rs`. The `commands!` macro
//! below turns that declaration into the `#[tauri::command]` functions, the invoke
//! handler and the TypeScript signatures; `build.rs` reads the same file for the ACL
//! manifest and the capability. Each body is a one-line adapter over the core.

use crate::bindings::{ChannelArg, Collector, CommandSignature, PlainArg, TsArg};
use crate::connection::{ConnectionInfo, ConnectionKind, ConnectionTest};
use crate::state::{AppInfo, AppState};
use roomdesk_core::{
    BulkProgress, BulkRoomResult, BulkSaved, CacheCleared, Conflict, ErrorPayload, OutboxEntry,
    Palette, Resolution, RoomChange, RoomPage, RoomView, Source, SyncProgress, SyncReport,
};
use roomdesk_model::{
    FieldError, ListQuery, Lookup, LookupKind, NewRoom, RoomField, RoomInput, RoomPatch, Status,
};
use tauri::ipc::Channel;

macro_rules! commands {
    ($(
        $(#[$meta:meta])*
        async fn $name:ident ( $state:ident $(, $arg:ident : $ty:ty )* $(,)? ) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[$meta])*
            #[tauri::command]
            pub async fn $name(
                $state: tauri::State<'_, AppState>,
                $( $arg: $ty ),*
            ) -> Result<$ret, ErrorPayload> {
                let answer: crate::Result<$ret> = async move { $body }.await;
                answer.map_err(ErrorPayload::from)
            }
        )*

        /// The invoke handler for every declared command.
        pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$( $name ),*]
        }

        /// Every declared command's name, in declaration order.
        pub const NAMES: &[&str] = &[$( stringify!($name) ),*];

        /// Every command's TypeScript signature, from the declared Rust types. Visits
        /// each type so that its declaration lands in the bindings.
        pub(crate) fn signatures(c: &mut Collector<'_>) -> Vec<CommandSignature> {
            vec![$(
                CommandSignature {
                    name: stringify!($name),
                    args: vec![$(
                        crate::bindings::arg_signature(
                            stringify!($arg),
                            (&TsArg::<$ty>::new()).describe(c),
                        )
                    ),*],
                    result: (&TsArg::<$ret>::new()).describe(c).0,
                }
            ),*]
        }
    };
}

include!("declared.rs");
