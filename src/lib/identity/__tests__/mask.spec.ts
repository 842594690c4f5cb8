import { maskPersonalNumber } from "../mask"

describe("maskPersonalNumber", () => {
  it.each([
    ["600307-1161", "******-1161"],
    ["6003071161", "******1161"],
    ["196003071161", "********1161"],
    ["19600307-1161", "********-1161"],
    ["26026708248", "*******8248"],
    ["260267 08248", "****** *8248"],
    ["121212+1212", "*******1212"], // "+" would reveal an age of 100+
    ["  600307-1161  ", "******-1161"],
  ])("%p -> %p", (input, masked) => {
    expect(maskPersonalNumber(input)).toBe(masked)
  })

  it("never reveals more than the last 4 digits", () => {
    const inputs = ["600307-1161", "199710202392", "26026708248", "5560360793", "12345", "1-2-3-4-5-6"]
    for (const input of inputs) {
      const out = maskPersonalNumber(input)
      const shown = out.replace(/[^0-9]/g, "")
      expect(shown.length).toBeLessThanOrEqual(4)
      expect(input.replace(/[^0-9]/g, "").endsWith(shown)).toBe(true)
      expect(out.length).toBe(input.trim().length)
    }
    expect(maskPersonalNumber("12345")).toBe("*2345")
    expect(maskPersonalNumber("1-2-3-4-5-6")).toBe("*-*-3-4-5-6")
  })

  it("shows nothing when there are 4 digits or fewer", () => {
    expect(maskPersonalNumber("1234")).toBe("****")
    expect(maskPersonalNumber("12-3")).toBe("**-*")
  })

  it("masks letters and other characters", () => {
    expect(maskPersonalNumber("SE556036079301")).toBe("**********9301")
    expect(maskPersonalNumber("abc")).toBe("***")
  })

  it("handles empty and non-string input", () => {
    expect(maskPersonalNumber("")).toBe("")
    expect(maskPersonalNumber(undefined as unknown as string)).toBe("")
  })
})
