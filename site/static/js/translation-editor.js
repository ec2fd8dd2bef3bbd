/* wagtail-localize's translation editor (a React app, wagtail-localize 1.14.5) has two
   English phrases compiled into its JavaScript, outside gettext: the heading "Deutsch to
   Englisch translation" and the "More actions" of its footer's menu button (read out by
   screen readers). This puts the admin's words in their place, also when React draws them
   again. Loaded on the editors by portal.translation.admin_hooks.

   Upstream defect: delete this file and its hook when wagtail-localize passes both phrases
   through gettext; tests/test_admin_browser.py fails on them until then. */
(() => {
    'use strict';

    function phrases(editor) {
        const props = JSON.parse(editor.dataset.props);
        const source = props.sourceLocale.displayName;
        const target = props.locale.displayName;
        const heading = gettext('Übersetzung %(source)s → %(target)s');
        return new Map([
            [`${source} to ${target} translation`, interpolate(heading, { source, target }, true)],
            ['More actions', gettext('More actions')],
        ]);
    }

    function translateTexts(node, texts) {
        if (node.nodeType === Node.TEXT_NODE) {
            const text = texts.get(node.nodeValue);
            // Unchanged text is left alone: writing it again would wake the observer again
            // (an endless loop in the English admin, where the phrases stay as they are).
            if (text !== undefined && text !== node.nodeValue) {
                node.nodeValue = text;
            }
            return;
        }
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            translateTexts(walker.currentNode, texts);
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        const editor = document.querySelector('.js-translation-editor[data-props]');
        if (!editor) {
            return;
        }
        const texts = phrases(editor);
        translateTexts(editor, texts);
        new MutationObserver((records) => {
            records.forEach((record) => {
                if (record.type === 'characterData') {
                    translateTexts(record.target, texts);
                }
                record.addedNodes.forEach((node) => translateTexts(node, texts));
            });
        }).observe(editor, { childList: true, subtree: true, characterData: true });
    });
})();
