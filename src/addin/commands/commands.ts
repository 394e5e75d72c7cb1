// Ribbon commands of the shared runtime; filled by the add-in issue.
async function checkAndFlag(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}
async function syncNow(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.onReady(() => {
    Office.actions.associate("checkAndFlag", checkAndFlag);
    Office.actions.associate("syncNow", syncNow);
  });
}
