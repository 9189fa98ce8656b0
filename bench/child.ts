/** How a benchmark child process reports: its result as JSON on the last line, or fails. */
export function reportResult(result: Promise<unknown>): void {
	result
		.then((value) => {
			console.log(JSON.stringify(value));
			process.exit(0);
		})
		.catch((error) => {
			console.error(error);
			process.exit(1);
		});
}
