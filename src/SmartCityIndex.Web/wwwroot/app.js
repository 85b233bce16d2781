// The chrome's disclosure menus (language, account) close on a click elsewhere and on Escape.
document.addEventListener('click', e => {
    document.querySelectorAll('details.chrome-menu[open]').forEach(menu => { if (!menu.contains(e.target)) menu.removeAttribute('open'); });
});
document.addEventListener('keydown', e => {
    if (e.key === 'Escape') document.querySelectorAll('details.chrome-menu[open]').forEach(menu => menu.removeAttribute('open'));
});
