/**
 * Which mounts the consumer project may be made on: only a writable tmpfs that allows executables, mounted at the
 * directory itself (the project's native modules are loaded with `dlopen`, which a `noexec` mount refuses).
 */
import { assert, describe, it } from "@effect/vitest"
import { usableTmpfs } from "./ProjectParent.ts"

const root = "/dev/vda / ext4 rw,relatime,discard 0 0"

describe("usableTmpfs", () => {
  it("takes a writable tmpfs that allows executables", () => {
    assert.isTrue(usableTmpfs(`${root}\ntmpfs /dev/shm tmpfs rw,relatime,size=24684084k 0 0\n`, "/dev/shm"))
  })

  it("refuses one mounted noexec or read-only, another file system, and a directory with no mount of its own", () => {
    assert.isFalse(usableTmpfs(`${root}\ntmpfs /dev/shm tmpfs rw,nosuid,nodev,noexec 0 0`, "/dev/shm"))
    assert.isFalse(usableTmpfs(`${root}\ntmpfs /dev/shm tmpfs ro,relatime 0 0`, "/dev/shm"))
    assert.isFalse(usableTmpfs(`${root}\n/dev/vdb /dev/shm ext4 rw,relatime 0 0`, "/dev/shm"))
    assert.isFalse(usableTmpfs(`${root}\ntmpfs /dev/shm/inner tmpfs rw 0 0`, "/dev/shm"))
    assert.isFalse(usableTmpfs("", "/dev/shm"))
  })

  it("reads the last of stacked mounts, the one in effect", () => {
    const stacked = `${root}\ntmpfs /dev/shm tmpfs rw 0 0\ntmpfs /dev/shm tmpfs rw,noexec 0 0`
    assert.isFalse(usableTmpfs(stacked, "/dev/shm"))
    assert.isTrue(usableTmpfs(`${root}\ntmpfs /dev/shm tmpfs rw,noexec 0 0\ntmpfs /dev/shm tmpfs rw 0 0`, "/dev/shm"))
  })
})
