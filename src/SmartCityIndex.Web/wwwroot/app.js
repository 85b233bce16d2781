// The chrome's disclosure menus (language, account) close on a click elsewhere and on Escape.
document.addEventListener('click', e => {
    document.querySelectorAll('details.chrome-menu[open]').forEach(menu => { if (!menu.contains(e.target)) menu.removeAttribute('open'); });
});
document.addEventListener('keydown', e => {
    if (e.key !== 'Escape') return;
    document.querySelectorAll('details.chrome-menu[open]').forEach(menu => {
        const hadFocus = menu.contains(document.activeElement);
        menu.removeAttribute('open');
        if (hadFocus) menu.querySelector('summary')?.focus(); // the focus must not fall into a closed menu
    });
});

// The dark theme is a class on <html> (theme.css holds both palettes), remembered in a cookie that the server reads
// when it renders the next page, so that the page never flashes light first.
document.addEventListener('click', e => {
    if (!e.target.closest('[data-theme-toggle]')) return;
    const dark = document.documentElement.classList.toggle('theme-dark');
    document.cookie = `sci-theme=${dark ? 'dark' : 'light'}; path=/; max-age=31536000; samesite=lax`;
});

// The session's idle limit (Features/Account/SessionActivity): the page tells the server that its person typed,
// clicked or scrolled, at most once per interval (the server's revalidation interval, when it looks).
window.sciWatchActivity = (() => {
    let reference = null, interval = 60000, last = 0, early = false;
    const report = () => {
        if (!reference) { early = true; return; } // input before the page connected: told when it does
        const now = Date.now();
        if (now - last < interval) return;
        last = now;
        reference.invokeMethodAsync('Touch').catch(() => { });
    };
    ['keydown', 'pointerdown', 'input', 'wheel', 'touchstart'].forEach(type => document.addEventListener(type, report, { capture: true, passive: true }));
    return (r, ms) => { reference = r; interval = ms; last = 0; if (early) { early = false; report(); } };
})();

// Rankings (Features/Rankings): the print button prints once every row of the ranking is in the page.
window.sciPrint = () => window.print();
// A plain print button (the city profile's): no inline onclick, which the Content-Security-Policy refuses.
document.addEventListener('click', e => { if (e.target.closest('[data-print]')) window.print(); });
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
// --- Chrome (layout, drawer, skip link) ---------------------------------------------------------------------------
// The navigation drawer's state is a class on <html>, outside what the circuit renders, so that it works before the
// circuit connects and survives the circuit replacing the prerendered markup. Below MudBlazor's md breakpoint
// (960 px) the drawer covers the page: closed at first, open with `nav-open`, closed again by a tap on the scrim,
// Escape or following a link. Above it, it sits beside the page: open at first, closed with `nav-closed`.
window.sciChrome = (() => {
    const desktop = window.matchMedia('(min-width: 960px)');
    const root = document.documentElement;
    const isOpen = () => desktop.matches ? !root.classList.contains('nav-closed') : root.classList.contains('nav-open');
    const syncDrawer = () => {
        document.querySelectorAll('[data-nav-toggle]').forEach(b => b.setAttribute('aria-expanded', String(isOpen())));
        // A closed drawer's links are out of the tab order and hidden from screen readers (CSS hides them too).
        document.querySelectorAll('.nav-drawer').forEach(d => { if (isOpen()) d.removeAttribute('inert'); else d.setAttribute('inert', ''); });
    };
    const setOpen = open => {
        if (desktop.matches) {
            root.classList.toggle('nav-closed', !open);
            root.classList.remove('nav-open');
        } else {
            root.classList.toggle('nav-open', open);
        }
        syncDrawer();
    };
    const closeOverlay = (focusToggle) => {
        if (desktop.matches || !root.classList.contains('nav-open')) return false;
        setOpen(false);
        if (focusToggle) document.querySelector('[data-nav-toggle]')?.focus();
        return true;
    };

    document.addEventListener('click', e => {
        if (e.target.closest('[data-nav-toggle]')) {
            const open = !isOpen();
            setOpen(open);
            if (open && !desktop.matches) document.querySelector('.nav-drawer a')?.focus();
        } else if (e.target.closest('[data-nav-close]')) {
            closeOverlay(false);
        } else if (e.target.closest('.nav-drawer a')) {
            closeOverlay(false);
        } else if (e.target.closest('[data-skip-link]')) {
            // With <base href="/"> a plain "#main-content" link would navigate to "/#main-content".
            e.preventDefault();
            const main = document.getElementById('main-content');
            main?.focus();
            main?.scrollIntoView();
        }
    });
    document.addEventListener('keydown', e => { if (e.key === 'Escape') closeOverlay(true); });
    window.addEventListener('popstate', () => closeOverlay(false));
    desktop.addEventListener('change', syncDrawer);
    syncDrawer();
    return { syncDrawer };
})();

// The sign-in page's demo accounts (a static page, no circuit): a click fills the e-mail and password fields.
document.addEventListener('click', e => {
    const account = e.target.closest('[data-demo-email]');
    if (!account) return;
    const email = document.getElementById('email'), password = document.getElementById('password');
    if (!email || !password) return;
    email.value = account.dataset.demoEmail;
    password.value = account.dataset.demoPassword;
    document.querySelector('[data-testid="sign-in"]')?.focus();
});

// After a navigation inside the portal: the new page's heading takes the focus (FocusAfterNavigation).
window.sciFocus = selector => {
    const element = document.querySelector(selector);
    if (!element) return;
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.focus({ preventScroll: true });
};

// --- Entry form: nothing typed is lost (EntryPage, EntryRowEditor) -------------------------------------------------
// Each input of the form carries data-known, what the server holds for it; each row data-base, a tag of its saved value,
// and data-pending while the server has not saved it. A key typed is kept in localStorage ("sci-typed/<city>/<year>",
// with the tag of the value it was typed over) until the browser sees it known and saved; the page puts back what was
// kept when the form opens again (after a reload, a restart, a lost connection). Meanwhile the status says "Saving…"
// (html.entry-sending), or after a while "kept in this browser" (html.entry-kept), and leaving the page asks first.
// A key the server has not heard of after a while (the connection dropped and came back) is sent again.
window.sciEntry = (() => {
    const root = document.documentElement;
    const fields = ['value', 'reason', 'note', 'notAvailable'];
    const keyOf = form => `sci-typed/${form.dataset.entryForm}`;
    const read = key => { try { return JSON.parse(localStorage.getItem(key) || '{}') || {}; } catch { return {}; } };
    const write = (key, kept) => {
        try { if (Object.keys(kept).length) localStorage.setItem(key, JSON.stringify(kept)); else localStorage.removeItem(key); } catch { }
    };
    const current = input => input.type === 'checkbox' ? input.checked : input.value;
    const known = input => input.type === 'checkbox' ? input.dataset.known === 'true' : (input.dataset.known ?? '');
    const unheard = input => current(input) !== known(input);
    let lastKey = 0, scheduled = false;

    const refresh = () => {
        scheduled = false;
        const form = document.querySelector('[data-entry-form]');
        if (!form) { root.classList.remove('entry-sending', 'entry-kept'); return; }
        const key = keyOf(form), kept = read(key);
        let changed = false;
        // Until the page has put back what was kept (data-restored), the rows show what the server had before.
        for (const [code, entry] of form.hasAttribute('data-restored') ? Object.entries(kept) : []) {
            const row = document.querySelector(`.entry-row[data-code="${CSS.escape(code)}"]`);
            if (!row) continue; // in a closed category: kept until it is seen saved
            if (row.hasAttribute('data-pending') || row.classList.contains('has-error') || row.querySelector('.entry-message.conflict')) continue;
            for (const field of fields) {
                const input = row.querySelector(`[data-field="${field}"]`);
                if (field in entry && (!input || !unheard(input))) { delete entry[field]; changed = true; }
            }
            if (!fields.some(f => f in entry)) { delete kept[code]; changed = true; }
        }
        if (changed) write(key, kept);
        const sending = [...document.querySelectorAll('.entry-row [data-field]')].some(unheard)
            || document.querySelector('.entry-row[data-pending]') !== null;
        const stalled = sending && Date.now() - lastKey > 5000;
        root.classList.toggle('entry-sending', sending && !stalled);
        root.classList.toggle('entry-kept', stalled);
    };
    const schedule = () => { if (!scheduled) { scheduled = true; requestAnimationFrame(refresh); } };

    const remember = e => {
        if (!e.isTrusted) return; // a key sent again below
        const input = e.target.closest?.('.entry-row [data-field]');
        const form = document.querySelector('[data-entry-form]');
        if (!input || !form) return;
        const row = input.closest('.entry-row'), key = keyOf(form), kept = read(key);
        const entry = kept[row.dataset.code] ??= { base: row.dataset.base };
        entry[input.dataset.field] = current(input);
        write(key, kept);
        lastKey = Date.now();
        schedule();
    };
    document.addEventListener('input', remember, true);
    document.addEventListener('change', remember, true);
    new MutationObserver(schedule).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-known', 'data-pending', 'data-restored'] });

    // Every 2 s: the status ages to "kept in this browser", and keys unheard of for 3 s are sent again.
    setInterval(() => {
        if (!document.querySelector('[data-entry-form]')) return;
        if (Date.now() - lastKey > 3000) {
            document.querySelectorAll('.entry-row [data-field]').forEach(input => {
                if (unheard(input) && !input.disabled) input.dispatchEvent(new Event(input.type === 'checkbox' ? 'change' : 'input', { bubbles: true }));
            });
        }
        refresh();
    }, 2000);

    window.addEventListener('beforeunload', e => {
        refresh();
        if (root.classList.contains('entry-sending') || root.classList.contains('entry-kept')) { e.preventDefault(); e.returnValue = ''; }
    });
    return { refresh };
})();
