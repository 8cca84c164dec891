//! Shared access to the one local store: a mutex around the synchronous store, with bulk
//! work moved off the async runtime.

use crate::error::{CoreError, Result};
use roomdesk_store::Store;
use std::path::Path;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub(crate) struct StoreAccess {
    store: Arc<Mutex<Store>>,
}

impl StoreAccess {
    pub fn open(data_dir: &Path) -> Result<Self> {
        Ok(StoreAccess {
            store: Arc::new(Mutex::new(Store::open(data_dir)?)),
        })
    }

    /// Runs a short store call on this thread.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> roomdesk_store::Result<T>) -> Result<T> {
        let store = self
            .store
            .lock()
            .map_err(|_| CoreError::Storage("the local store lock is poisoned".into()))?;
        Ok(f(&store)?)
    }

    /// Runs a long store call (bulk writes) on the blocking pool.
    pub async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> roomdesk_store::Result<T> + Send + 'static,
    ) -> Result<T> {
        let this = self.clone();
        tokio::task::spawn_blocking(move || this.with(f))
            .await
            .map_err(|e| CoreError::Storage(format!("local store task failed: {e}")))?
    }
}
