import { describe, expect, it } from "vitest";
import { emailAddress, phoneNumber, reachLinks } from "../../../src/core/show/reachLinks";

describe("reaching a prospect", () => {
	it("reads an email address as people write it", () => {
		expect(emailAddress("dana@acme.example.com")).toBe("dana@acme.example.com");
		expect(emailAddress(" Dana Whitfield <dana@acme.example.com> ")).toBe("dana@acme.example.com");
		expect(emailAddress("mailto:dana@acme.example.com")).toBe("dana@acme.example.com");
		for (const bad of [null, "", "dana", "dana@", "@acme.com", "dana at acme dot com", "a b@c.d", "javascript:alert(1)@x.y"]) expect(emailAddress(bad), String(bad)).toBeNull();
	});

	it("reads a phone number as a tel: link dials it", () => {
		expect(phoneNumber("+1 (207) 555-0133")).toBe("+12075550133");
		expect(phoneNumber('0171 234 5678 ext. 12')).toBe("01712345678,12");
		expect(phoneNumber("tel:+4917612345678")).toBe("+4917612345678");
		expect(phoneNumber("555-0133 x4")).toBe("5550133,4");
		for (const bad of [null, "", "n/a", "12", "call me maybe"]) expect(phoneNumber(bad), String(bad)).toBeNull();
	});

	it("gives Email and Call only for what the note has, and only mailto: and tel:", () => {
		expect(reachLinks({ email: "dana@acme.example.com", phone: "+1 207 555 0133" })).toEqual([
			{ kind: "email", url: "mailto:dana@acme.example.com", label: "dana@acme.example.com", channel: "email" },
			{ kind: "call", url: "tel:+12075550133", label: "+1 207 555 0133", channel: "call" },
		]);
		expect(reachLinks({ email: null, phone: "+1 207 555 0133" }).map((l) => l.kind)).toEqual(["call"]);
		expect(reachLinks({ email: "javascript:alert(1)", phone: "javascript:alert(1)" })).toEqual([]);
	});
});
