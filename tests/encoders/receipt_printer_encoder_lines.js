// Receipts made by @point-of-sale/receipt-printer-encoder (npm), for tests/corpus/foreign.py: reads a JSON
// list of {options, ops} on stdin, where ops is a list of calls on the encoder, each [method, ...args]
// (e.g. ["align", "center"], ["bold", true], ["line", "TOTAL"], ["table", columns, rows], ["cut", "partial"]),
// and writes a JSON list of the printer's bytes (hex) to stdout. Only the methods below may be called.
const ReceiptPrinterEncoder = require('@point-of-sale/receipt-printer-encoder');

const METHODS = new Set([
    'initialize', 'codepage', 'text', 'newline', 'line', 'underline', 'italic', 'bold', 'invert',
    'width', 'height', 'size', 'font', 'align', 'lineSpacing', 'table', 'rule', 'barcode', 'qrcode',
    'cut', 'pulse',
]);

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
    const out = JSON.parse(input).map((r) => {
        let e = new ReceiptPrinterEncoder(Object.assign({errors: 'strict'}, r.options));
        for (const [method, ...args] of r.ops) {
            if (!METHODS.has(method)) throw new Error(`not an encoder method: ${method}`);
            e = e[method](...args);
        }
        return Buffer.from(e.encode()).toString('hex');
    });
    process.stdout.write(JSON.stringify(out));
});
