// Irreversible actions (recalling an issued document, ending a meeting, destroying a work file) ask
// first: a form with data-confirm is sent only when the official confirms its question.
document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});
