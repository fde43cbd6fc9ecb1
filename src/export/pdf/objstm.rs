//! Object streams (PDF 1.5): the structure tree is a thousand small dictionaries, which written
//! one by one would be half of the report. Packed into one compressed object stream they take a
//! tenth. pdf-writer writes each object (compactly) into a chunk of its own; the bytes between
//! the object's header and `endobj` go into the stream, and the cross-reference stream says
//! where each packed object is (type 2 entries, patched into pdf-writer's table).

use pdf_writer::{Chunk, Filter, Name, Obj, Pdf, Ref, Settings};

/// Objects collected for one object stream.
#[derive(Default)]
pub struct Packer {
    /// Object number and body (what lies between `N 0 obj` and `endobj`).
    objects: Vec<(i32, Vec<u8>)>,
}

/// Where packed objects went: per packed object its number, its stream and its index there.
pub struct Packed {
    entries: Vec<(i32, i32, u16)>,
}

/// At most this many objects share a stream (the index is two bytes in the xref stream).
const PER_STREAM: usize = 65_535;

impl Packer {
    /// Writes object `id` with `write` (as on a chunk) into the packer.
    pub fn add(&mut self, id: Ref, write: impl FnOnce(Obj<'_>)) {
        let mut chunk = Chunk::with_settings_and_capacity(Settings { pretty: false }, 128);
        write(chunk.indirect(id));
        let bytes = chunk.as_bytes();
        let head = format!("{} 0 obj\n", id.get());
        let body = bytes.strip_prefix(head.as_bytes()).unwrap_or(bytes);
        let body = body.trim_ascii_end();
        let body = body.strip_suffix(b"endobj").unwrap_or(body).trim_ascii();
        self.objects.push((id.get(), body.to_vec()));
    }

    /// Writes the object streams into `pdf` (numbered by `alloc`, as many as needed for
    /// [`PER_STREAM`] objects each), compressed with `compress`.
    pub fn write(
        self,
        pdf: &mut Pdf,
        mut alloc: impl FnMut() -> Ref,
        compress: impl Fn(&[u8]) -> Vec<u8>,
    ) -> Packed {
        let mut entries = Vec::with_capacity(self.objects.len());
        for objects in self.objects.chunks(PER_STREAM) {
            let id = alloc();
            let mut header = Vec::new();
            let mut body = Vec::new();
            for (index, (number, object)) in objects.iter().enumerate() {
                header.extend_from_slice(format!("{number} {} ", body.len()).as_bytes());
                body.extend_from_slice(object);
                body.push(b'\n');
                entries.push((*number, id.get(), u16::try_from(index).unwrap_or(u16::MAX)));
            }
            header.push(b'\n');
            let first = header.len();
            header.extend_from_slice(&body);
            let data = compress(&header);
            pdf.stream(id, &data)
                .filter(Filter::FlateDecode)
                .pair(Name(b"Type"), Name(b"ObjStm"))
                .pair(Name(b"N"), i32::try_from(objects.len()).unwrap_or(i32::MAX))
                .pair(Name(b"First"), i32::try_from(first).unwrap_or(i32::MAX));
        }
        Packed { entries }
    }
}

impl Packed {
    /// Marks the packed objects in pdf-writer's cross-reference stream data (`rows` rows of
    /// `[type, field 2, field 3]`, widths 1, w, 2; the packed objects are free entries there)
    /// as compressed objects: type 2, the stream's number, the index in the stream. The free
    /// list is left with object 0 alone. Fails (instead of writing a file whose structure
    /// readers cannot find) when the table is not what pdf-writer writes.
    pub fn patch_xref(&self, data: &mut [u8], rows: usize) -> Result<(), String> {
        let row = data.len().checked_div(rows).unwrap_or(0);
        let width = row.saturating_sub(3);
        if rows == 0 || row * rows != data.len() || !(1..=8).contains(&width) {
            return Err(format!(
                "unexpected cross-reference table: {} bytes, {rows} rows",
                data.len()
            ));
        }
        for entry in data.chunks_exact_mut(row) {
            if entry[0] == 0 {
                entry[1..=width].fill(0);
            }
        }
        for &(id, stream, index) in &self.entries {
            let at = usize::try_from(id).map_err(|e| e.to_string())?;
            let entry = data.get_mut(at * row..(at + 1) * row).ok_or("object beyond the table")?;
            if entry[0] != 0 {
                return Err(format!("object {id} is both packed and written"));
            }
            entry[0] = 2;
            let stream = u64::try_from(stream).map_err(|e| e.to_string())?.to_be_bytes();
            if stream[..8 - width].iter().any(|&b| b != 0) {
                return Err(format!("stream number too large for {width} bytes"));
            }
            entry[1..=width].copy_from_slice(&stream[8 - width..]);
            entry[width + 1..].copy_from_slice(&index.to_be_bytes());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_writer::XRefFilter;

    #[test]
    fn packed_objects_are_listed_as_compressed_entries() {
        let mut packer = Packer::default();
        packer.add(Ref::new(2), |obj| {
            obj.dict().pair(Name(b"S"), Name(b"P"));
        });
        packer.add(Ref::new(3), |obj| obj.primitive(7));
        let mut pdf = Pdf::with_settings(Settings { pretty: false });
        pdf.catalog(Ref::new(1)).pages(Ref::new(5));
        pdf.pages(Ref::new(5)).count(0);
        let packed = packer.write(&mut pdf, || Ref::new(4), <[u8]>::to_vec);
        let mut seen = Vec::new();
        let bytes = pdf.finish_with_xref_stream_and_filter(Ref::new(6), |data| {
            let mut data = data.to_vec();
            packed.patch_xref(&mut data, 7).unwrap();
            // A table of another shape is refused, not patched blindly.
            assert!(packed.patch_xref(&mut data[..20], 7).is_err());
            seen = data.clone();
            (data, XRefFilter::Multiple(vec![]))
        });
        // The stream holds both bodies after its header of numbers and offsets.
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("2 0 3 9 \n<</S/P>>\n7\n"), "{text}");
        assert!(text.contains("/Type/ObjStm/N 2/First 9"), "{text}");
        // Rows 2 and 3: type 2, in stream 4, at index 0 and 1.
        let row = seen.len() / 7;
        assert_eq!(seen[2 * row], 2);
        assert_eq!(seen[2 * row + row - 3], 4);
        assert_eq!(&seen[2 * row + row - 2..3 * row], &[0, 0]);
        assert_eq!(seen[3 * row], 2);
        assert_eq!(&seen[3 * row + row - 2..4 * row], &[0, 1]);
        // Row 1 (the catalog) is still an ordinary entry; the free list is object 0 alone.
        assert_eq!(seen[row], 1);
        assert!(seen[1..row - 2].iter().all(|&b| b == 0));
        // Patching twice would mark an object as both packed and written.
        let mut again = seen.clone();
        assert!(packed.patch_xref(&mut again, 7).is_err());
    }
}
