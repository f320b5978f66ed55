// The live meeting page: told by the server (server-sent events, /meetings/{id}/live) that the meeting
// changed, the page fetches itself and puts in place the parts marked data-live (status, agenda,
// documents, attendance, speakers, votes) without reloading: the scroll position stays, the video stays
// connected, and a part holding a field the user is typing in waits until they leave it. A tablet that
// lost the network reconnects by itself and, with the last version it saw, is told at once if it missed
// something; one refused (not 200) tries again later and fetches the page once back. A speaker's time left
// ([data-countdown], in seconds when the part was made) counts down by itself between changes, from the moment
// the part was put in place (so the two clocks never disagree).
(function () {
    var url = document.body.getAttribute('data-live-url');
    if (!url || !window.EventSource || !window.fetch || !window.DOMParser) {
        return;
    }
    var fetching = false;
    var again = false;

    function typingIn(part) {
        var active = document.activeElement;
        if (active && part.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
            return true;
        }
        var fields = part.querySelectorAll('input, textarea, select');
        for (var i = 0; i < fields.length; i++) {
            var field = fields[i];
            if ((field.type === 'checkbox' || field.type === 'radio') ? field.checked !== field.defaultChecked
                : field.tagName === 'SELECT' ? false : field.value !== field.defaultValue) {
                return true;
            }
        }
        return false;
    }

    function refresh() {
        if (fetching) {
            again = true;
            return;
        }
        fetching = true;
        fetch(window.location.href, {credentials: 'same-origin', headers: {'X-Requested-With': 'live'}})
            .then(function (response) {
                return response.ok ? response.text() : null;
            })
            .then(function (html) {
                if (!html) {
                    return;
                }
                var fresh = new DOMParser().parseFromString(html, 'text/html');
                var postponed = false;
                fresh.querySelectorAll('[data-live]').forEach(function (part) {
                    var current = part.id ? document.getElementById(part.id) : null;
                    if (!current) {
                        return;
                    }
                    if (typingIn(current)) {
                        postponed = true;
                        return;
                    }
                    current.replaceWith(document.importNode(part, true));
                });
                if (postponed) {
                    document.addEventListener('focusout', onceLeft, {once: true});
                }
                document.body.setAttribute('data-live-version', String(Date.now()));
            })
            .catch(function () {
                // told, but could not fetch (offline for a moment): try again, and when the network is back
                setTimeout(refresh, 3000);
            })
            .finally(function () {
                fetching = false;
                if (again) {
                    again = false;
                    refresh();
                }
            });
    }

    function onceLeft() {
        setTimeout(refresh, 50);
    }

    setInterval(function () {
        document.querySelectorAll('[data-countdown]').forEach(function (clock) {
            if (!clock.dataset.shownAt) {
                clock.dataset.shownAt = String(Date.now());
            }
            var left = Number(clock.dataset.countdown) - Math.floor((Date.now() - Number(clock.dataset.shownAt)) / 1000);
            var seconds = Math.abs(left);
            clock.textContent = (left < 0 ? '-' : '') + String(Math.floor(seconds / 60)).padStart(2, '0') + ':'
                + String(seconds % 60).padStart(2, '0');
        });
    }, 1000);

    // The browser reconnects by itself when the connection drops, but not when it is answered with anything but
    // 200 (a node at its limit of connections, a proxy's 502 or 503 while the nodes restart): the HTML standard has
    // the EventSource "fail the connection" then and never try again (web-platform-tests
    // eventsource/request-status-error). So a closed source is replaced after a pause (2 s doubling to a minute,
    // spread so that a hall of tablets does not come back at one instant); the new one does not carry the last
    // version seen, so the page fetches itself once it is open.
    var failures = 0;

    function listen() {
        var source = new EventSource(url);
        source.addEventListener('changed', refresh);
        source.addEventListener('open', function () {
            if (failures > 0) {
                failures = 0;
                refresh();
            }
        });
        source.addEventListener('error', function () {
            if (source.readyState !== EventSource.CLOSED) {
                return; // reconnecting by itself
            }
            failures++;
            var pause = Math.min(60000, 2000 * Math.pow(2, failures - 1));
            setTimeout(listen, pause * (0.5 + Math.random()));
        });
    }

    listen();
    window.addEventListener('online', refresh);
})();
