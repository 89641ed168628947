// Receipts made by @point-of-sale/receipt-printer-encoder (npm), for the tests: reads a JSON list of
// {options, lines, table, qr, barcode, cut} on stdin, writes a JSON list of the printer's bytes (hex).
const ReceiptPrinterEncoder = require('@point-of-sale/receipt-printer-encoder');

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
    const out = JSON.parse(input).map((r) => {
        let e = new ReceiptPrinterEncoder(r.options).initialize();
        if (r.codepage) e = e.codepage(r.codepage);
        e = e.align('center').bold(true).size(2, 2).line(r.title).size(1, 1).bold(false).align('left');
        for (const line of r.lines || []) e = e.line(line);
        if (r.table) {
            e = e.table([{width: r.options.columns - 12}, {width: 12, align: 'right'}], r.table);
        }
        if (r.barcode) e = e.barcode(r.barcode, 'code39', 60);
        if (r.qr) e = e.qrcode(r.qr);
        if (r.cut) e = e.cut(r.cut);
        return Buffer.from(e.encode()).toString('hex');
    });
    process.stdout.write(JSON.stringify(out));
});
