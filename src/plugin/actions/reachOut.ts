import { Component, type App } from "obsidian";
import type { ReachLink } from "../../core/show/reachLinks";
import { fileAt } from "./noteEdits";
import type { NoteActions } from "../ports";

/** After this long away, coming back no longer offers to log the touch. */
const FORGET_AFTER_MS = 2 * 60 * 60 * 1000;

/** What a row's Email or Call button tells: the user is reaching this prospect now. */
export interface ReachTracker {
	started(path: string, link: ReachLink): void;
}

/**
 * Email and Call log nothing by themselves: the link opens the mail or phone app, and when the
 * user comes back to Obsidian (the window had lost focus, or the app had gone to the background
 * on mobile), Log a touch opens on that note with that channel. Coming back without having left
 * (the link opened nothing) offers nothing.
 */
export class ReachOut extends Component implements ReachTracker {
	private pending: { path: string; channel: string; at: number; left: boolean } | null = null;

	constructor(
		private readonly app: App,
		private readonly actions: Pick<NoteActions, "log">,
	) {
		super();
	}

	onload(): void {
		this.registerDomEvent(window, "blur", () => this.leave());
		this.registerDomEvent(window, "focus", () => this.back());
		this.registerDomEvent(document, "visibilitychange", () => {
			if (document.visibilityState === "hidden") this.leave();
			else this.back();
		});
	}

	started(path: string, link: ReachLink): void {
		this.pending = { path, channel: link.channel, at: Date.now(), left: false };
	}

	private leave(): void {
		if (this.pending) this.pending.left = true;
	}

	private back(): void {
		const pending = this.pending;
		if (!pending?.left) return;
		this.pending = null;
		if (Date.now() - pending.at > FORGET_AFTER_MS) return;
		const file = fileAt(this.app, pending.path);
		if (file) this.actions.log(file, pending.channel);
	}
}
