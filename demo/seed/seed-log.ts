// What a seed run created, so the demo can say "created 23 things" on the first run and "nothing new" later.
export class SeedLog {
  readonly lines: string[] = []

  created(kind: string, name: string) {
    this.lines.push(`${kind}: ${name}`)
  }
}
