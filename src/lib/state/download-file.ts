/** Hands a file made on the device to the browser as a download (a Blob link, clicked, then let go). */
export function downloadFile(text: string, type: string, name: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = Object.assign(document.createElement('a'), { href: url, download: name });
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// Some browsers read the file after click() returns: let it go a little later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
