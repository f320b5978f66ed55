// Print buttons (data-print): the Content-Security-Policy allows no inline event handlers.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});
