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
