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

/// Where packed objects went: the object stream's number and each object's number.
pub struct Packed {
    stream: i32,
    ids: Vec<i32>,
}

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

    /// Writes the object stream as object `id` of `pdf`, compressed with `compress`.
    pub fn write(self, pdf: &mut Pdf, id: Ref, compress: impl Fn(&[u8]) -> Vec<u8>) -> Packed {
        let mut header = Vec::new();
        let mut body = Vec::new();
        for (number, object) in &self.objects {
            header.extend_from_slice(format!("{number} {} ", body.len()).as_bytes());
            body.extend_from_slice(object);
            body.push(b'\n');
        }
        header.push(b'\n');
        let first = header.len();
        header.extend_from_slice(&body);
        let data = compress(&header);
        pdf.stream(id, &data)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Type"), Name(b"ObjStm"))
            .pair(Name(b"N"), i32::try_from(self.objects.len()).unwrap_or(i32::MAX))
            .pair(Name(b"First"), i32::try_from(first).unwrap_or(i32::MAX));
        Packed { stream: id.get(), ids: self.objects.into_iter().map(|(n, _)| n).collect() }
    }
}

impl Packed {
    /// Marks the packed objects in pdf-writer's cross-reference stream data (rows of
    /// `[type, offset, generation]`, widths 1, w, 2; the packed objects are free entries there)
    /// as compressed objects: type 2, the stream's number, the index in the stream.
    pub fn patch_xref(&self, data: &mut [u8], rows: usize) {
        if rows == 0 || !data.len().is_multiple_of(rows) {
            return;
        }
        let row = data.len() / rows;
        let Some(width) = row.checked_sub(3) else { return };
        for (index, id) in self.ids.iter().enumerate() {
            let Ok(at) = usize::try_from(*id) else { continue };
            let Some(entry) = data.get_mut(at * row..(at + 1) * row) else { continue };
            entry[0] = 2;
            let stream = u64::try_from(self.stream).unwrap_or(0).to_be_bytes();
            entry[1..=width].copy_from_slice(&stream[8 - width.min(8)..]);
            let index = u16::try_from(index).unwrap_or(u16::MAX).to_be_bytes();
            entry[width + 1..].copy_from_slice(&index);
        }
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
        let packed = packer.write(&mut pdf, Ref::new(4), <[u8]>::to_vec);
        let mut seen = Vec::new();
        let bytes = pdf.finish_with_xref_stream_and_filter(Ref::new(6), |data| {
            let mut data = data.to_vec();
            packed.patch_xref(&mut data, 7);
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
        // Row 1 (the catalog) is still an ordinary entry.
        assert_eq!(seen[row], 1);
    }
}
