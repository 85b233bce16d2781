// The chrome's disclosure menus (language, account) close on a click elsewhere and on Escape.
document.addEventListener('click', e => {
    document.querySelectorAll('details.chrome-menu[open]').forEach(menu => { if (!menu.contains(e.target)) menu.removeAttribute('open'); });
});
document.addEventListener('keydown', e => {
    if (e.key === 'Escape') document.querySelectorAll('details.chrome-menu[open]').forEach(menu => menu.removeAttribute('open'));
});

// The dark theme is a class on <html> (theme.css holds both palettes), remembered in a cookie that the server reads
// when it renders the next page, so that the page never flashes light first.
document.addEventListener('click', e => {
    if (!e.target.closest('[data-theme-toggle]')) return;
    const dark = document.documentElement.classList.toggle('theme-dark');
    document.cookie = `sci-theme=${dark ? 'dark' : 'light'}; path=/; max-age=31536000; samesite=lax`;
});

// Rankings (Features/Rankings): the print button prints once every row of the ranking is in the page.
window.sciPrint = () => window.print();
// Entry form and times (BrowserTime, EntryPage): the browser's time zone, and the inputs that could not be saved,
// kept in localStorage until they are fixed or discarded (they survive a reload and a dropped connection).
window.sciTimeZone = () => ({ id: Intl.DateTimeFormat().resolvedOptions().timeZone || '', offset: new Date().getTimezoneOffset() });
window.sciUnsavedRead = key => { try { return localStorage.getItem(key); } catch { return null; } };
window.sciUnsavedWrite = (key, json) => { try { if (json) localStorage.setItem(key, json); else localStorage.removeItem(key); } catch { } };
window.sciFocusRow = id => {
    const row = document.getElementById(id);
    if (!row) return;
    row.scrollIntoView({ block: 'start' });
    row.querySelector('input:not([type=checkbox]):not([disabled]), button:not([disabled])')?.focus({ preventScroll: true });
};
