/**
 * Which names in the knowledge folder are articles. The same rule as the loader: `*.md`, not
 * hidden. That rule is what makes atomic writes and editors' scratch files safe to watch: our
 * temp files are ".<name>.<pid>.<random>.tmp", vim's are ".<name>.swp" and "4913", emacs's are
 * "#<name>#" and ".#<name>", backups end in "~". None of them is ever read as an article.
 */
export function isArticleFile(name: string): boolean {
  return name.endsWith(".md") && !name.startsWith(".") && !name.includes("/");
}
