// Receipts made by receiptline (npm), for tests/edge/escpos/test_foreign_encoders.py: reads a JSON list of
// {doc, printer} on stdin, writes a JSON list of the ESC/POS bytes (hex) to stdout.
const receiptline = require('receiptline');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
    const out = JSON.parse(input).map(({ doc, printer }) =>
        Buffer.from(receiptline.transform(doc, printer), 'binary').toString('hex'));
    process.stdout.write(JSON.stringify(out));
});
